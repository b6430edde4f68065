using System.Text.Json;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Index.Tests;

public sealed class ResultPageTest
{
    public static TheoryData<string, string[]> Arrays => new()
    {
        { "[]", [] },                                                       // why: a clause at the top has an empty path
        { "", [] },                                                         // why: an empty column reads as no labels
        { "[\"第二章\",\"第二条\"]", ["第二章", "第二条"] },                  // why: the path as the catalogue writes it
        { "[\"\\u7b2c\\u4e8c\\u7ae0\"]", ["第二章"] },                       // why: escaped Han characters (System.Text.Json's default) decode
        { "[\"（一）\", \"〔2025〕\"]", ["（一）", "〔2025〕"] },               // why: full-width brackets kept as printed
        { "[\"say \\\"hi\\\"\"]", ["say \"hi\""] },                          // why: escaped quotes
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public void StringArray_Table(string json, string[] expected) => Assert.Equal(expected, ResultPage.StringArray(json));

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2]")]
    [InlineData("[\"a\"")]
    public void StringArray_RejectsWhatIsNotAnArrayOfStrings(string json) =>
        Assert.ThrowsAny<JsonException>(() => ResultPage.StringArray(json));

    [Fact]
    public void StringArray_ReadsWhatTheSerializerWrites()
    {
        string[] path = ["第一章 总则", "第三条", "（一）", "1."];
        Assert.Equal(path, ResultPage.StringArray(JsonSerializer.Serialize(path)));
    }
}
