using Lucene.Net.Store;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// <see cref="MemoryReadDirectory"/> on a real NIOFSDirectory: what is read from memory is byte for byte what the file
/// holds, across chunk boundaries and from clones, and a file deleted is let go.
/// </summary>
public sealed class MemoryReadDirectoryTest : IDisposable
{
    private readonly TempDir _dir = new("policyingest-memdir-");

    private static byte Expected(long i) => (byte)(i * 31 + (i >> 11));

    private (MemoryReadDirectory Directory, long Length) WithFile(long length, long budget = long.MaxValue)
    {
        var directory = new MemoryReadDirectory(new NIOFSDirectory(new DirectoryInfo(_dir.File(Guid.NewGuid().ToString("N")))), budget);
        using var output = directory.CreateOutput("_0.doc", IOContext.DEFAULT);
        for (long i = 0; i < length; i++) output.WriteByte(Expected(i));
        return (directory, length);
    }

    // Positions at, just before and after the 1 MiB chunk boundaries, and the last byte.
    public static TheoryData<long, int> Reads => new()
    {
        { 0, 16 },
        { InMemoryFile.ChunkSize - 3, 7 },               // why: a read that crosses the first boundary
        { InMemoryFile.ChunkSize, 1 },                   // why: the first byte of the second chunk
        { 2L * InMemoryFile.ChunkSize - 1, 2 },          // why: crosses the second boundary
        { 2L * InMemoryFile.ChunkSize + 500_000, 100_000 }, // why: inside the short last chunk, up to 1 byte before the end
        { 0, 2 * InMemoryFile.ChunkSize + 600_000 },     // why: the whole file in one read
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void Read_GivesTheFileBytes(long at, int count)
    {
        var (directory, length) = WithFile(2L * InMemoryFile.ChunkSize + 600_001);
        using var input = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        Assert.IsType<InMemoryIndexInput>(input);
        Assert.Equal(length, input.Length);
        input.Seek(at);
        var bytes = new byte[count];
        input.ReadBytes(bytes, 0, count);
        for (var i = 0; i < count; i++) Assert.Equal(Expected(at + i), bytes[i]);
        Assert.Equal(at + count, input.Position);
        input.Seek(at);
        Assert.Equal(Expected(at), input.ReadByte());
    }

    [Fact]
    public void Clone_KeepsItsOwnPosition()
    {
        var (directory, _) = WithFile(InMemoryFile.ChunkSize + 10);
        using var input = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        input.Seek(InMemoryFile.ChunkSize - 1);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(Expected(InMemoryFile.ChunkSize - 1), clone.ReadByte());
        Assert.Equal(Expected(InMemoryFile.ChunkSize), clone.ReadByte());
        Assert.Equal(InMemoryFile.ChunkSize - 1, input.Position);
        Assert.Equal(Expected(InMemoryFile.ChunkSize - 1), input.ReadByte());
    }

    [Fact]
    public void ReadPastTheEnd_IsEndOfStream()
    {
        var (directory, length) = WithFile(100);
        using var input = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        input.Seek(length - 1);
        input.ReadByte();
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.Seek(length + 1));
    }

    [Fact]
    public void DeletedFile_IsLetGo_AndAFileOverTheBudgetIsReadFromDisk()
    {
        var (directory, length) = WithFile(5000);
        using (directory.OpenInput("_0.doc", IOContext.DEFAULT)) { }
        Assert.Equal(length, directory.Held);
        directory.DeleteFile("_0.doc");
        Assert.Equal(0, directory.Held);

        var (small, _) = WithFile(5000, budget: 4000);
        using var input = small.OpenInput("_0.doc", IOContext.DEFAULT);
        Assert.IsNotType<InMemoryIndexInput>(input);
        Assert.Equal(0, small.Held);
        input.Seek(4321);
        Assert.Equal(Expected(4321), input.ReadByte());
    }

    public void Dispose() => _dir.Dispose();
}
