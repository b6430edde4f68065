using Lucene.Net.Store;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// <see cref="MemoryReadDirectory"/> on a real NIOFSDirectory: what is read from memory is byte for byte what the file
/// holds, across chunk boundaries and from clones; a file deleted is let go, a name written again is read anew.
/// </summary>
public sealed class MemoryReadDirectoryTest : IDisposable
{
    private readonly TempDir _dir = new("policyingest-memdir-");

    // No period: every position of a chunk differs from the same position of the next one (a wrong chunk shows).
    private static byte Expected(long i) => (byte)(i ^ (i >> 8) ^ (i >> 16) ^ (i >> 24));

    private (MemoryReadDirectory Directory, long Length) WithFile(long length, long budget = long.MaxValue, string? folder = null)
    {
        var files = new NIOFSDirectory(new DirectoryInfo(folder ?? _dir.File(Guid.NewGuid().ToString("N"))));
        Write(files, "_0.doc", length);
        return (new MemoryReadDirectory(files, budget), length);
    }

    private static void Write(NIOFSDirectory files, string name, long length)
    {
        using var output = files.CreateOutput(name, IOContext.DEFAULT);
        for (long i = 0; i < length; i++) output.WriteByte(Expected(i));
    }

    // Positions at, just before and after the 1 MiB chunk boundaries, and the last byte.
    public static TheoryData<long, int> Reads => new()
    {
        { 0, 16 },
        { InMemoryFile.ChunkSize - 3, 7 },               // why: a read that crosses the first boundary
        { InMemoryFile.ChunkSize, 1 },                   // why: the first byte of the second chunk
        { 2L * InMemoryFile.ChunkSize - 1, 2 },          // why: crosses the second boundary
        { 2L * InMemoryFile.ChunkSize + 500_000, 100_000 }, // why: across several chunks, up to 1 byte before the end
        { 0, 2 * InMemoryFile.ChunkSize + 600_000 },     // why: the whole file in one read
        { 2L * InMemoryFile.ChunkSize + 600_000, 1 },    // why: the last byte
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
    public void DeletedFile_IsLetGoWhenTheNextIsLoaded_AndAFileOverTheBudgetIsReadFromDisk()
    {
        var folder = _dir.File("deleted");
        var (directory, length) = WithFile(5000, folder: folder);
        using (directory.OpenInput("_0.doc", IOContext.DEFAULT)) { }
        Assert.Equal(length, directory.HeldHere);
        File.Delete(Path.Combine(folder, "_0.doc"));
        using (var files = new NIOFSDirectory(new DirectoryInfo(folder))) Write(files, "_1.doc", 700);
        using (directory.OpenInput("_1.doc", IOContext.DEFAULT)) { }
        Assert.Equal(700, directory.HeldHere);

        var (small, _) = WithFile(5000, budget: 4000);
        using var input = small.OpenInput("_0.doc", IOContext.DEFAULT);
        Assert.IsNotType<InMemoryIndexInput>(input);
        Assert.Equal(0, small.HeldHere);
        input.Seek(4321);
        Assert.Equal(Expected(4321), input.ReadByte());
    }

    // Lengths 0 and an exact number of chunks: reading to the end, and one byte past it.
    [Theory]
    [InlineData(0)]
    [InlineData(InMemoryFile.ChunkSize)]
    [InlineData(2 * InMemoryFile.ChunkSize)]
    public void FileEndingOnAChunkBoundary_ReadsToTheEndAndNoFurther(int length)
    {
        var (directory, _) = WithFile(length);
        using var input = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        var bytes = new byte[length];
        input.ReadBytes(bytes, 0, length);
        for (var i = 0; i < length; i++) Assert.Equal(Expected(i), bytes[i]);
        Assert.Equal(length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        input.Seek(length);
        Assert.Equal(length, input.Position);
    }

    [Fact]
    public void NameWrittenAgainByAnotherProcess_IsReadAnew()
    {
        var folder = _dir.File("shared");
        var (first, _) = WithFile(3000, folder: folder);
        using (var input = first.OpenInput("_0.doc", IOContext.DEFAULT)) Assert.Equal(3000, input.Length);
        // Another process rebuilds the index and writes the same name with other bytes.
        var path = Path.Combine(folder, "_0.doc");
        File.Delete(path);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)7, 1234).ToArray());
        using var again = first.OpenInput("_0.doc", IOContext.DEFAULT);
        Assert.Equal(1234, again.Length);
        Assert.Equal(7, again.ReadByte());
        Assert.Equal(1234, first.HeldHere);
    }

    public void Dispose() => _dir.Dispose();
}
