using System.Collections.Concurrent;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyIngest.Search;

/// <summary>
/// The index directory with its files read into memory on first open, for searching. NIOFSDirectory (chosen because
/// MMapDirectory crashes in this beta, see <see cref="LuceneClauseIndex.Open"/>) reads through a 1 KiB buffer, each refill a
/// positioned file read under a lock with a length check: measured (a thread-time profile of `bench search` at a million
/// clauses), those reads were a fifth of a query's time, and the lock is shared by concurrent searches. Index files are
/// written once and never changed (only <c>segments*</c> are rewritten, and they are read through), so a file is read
/// whole once and served from memory until it is deleted. Merges read through (they read each file once); files beyond
/// <paramref name="budgetBytes"/> in all are read through as well.
/// </summary>
internal sealed class MemoryReadDirectory(LuceneDirectory inner, long budgetBytes) : FilterDirectory(inner)
{
    private readonly ConcurrentDictionary<string, Lazy<InMemoryFile?>> _files = new(StringComparer.Ordinal);
    private long _held;

    /// <summary>Bytes of index files held in memory.</summary>
    public long Held => Interlocked.Read(ref _held);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        if (name.StartsWith("segments", StringComparison.Ordinal) || context.Context == IOContext.UsageContext.MERGE)
            return base.OpenInput(name, context);
        var entry = _files.GetOrAdd(name, n => new Lazy<InMemoryFile?>(() => Load(n)));
        InMemoryFile? file;
        try
        {
            file = entry.Value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _files.TryRemove(new KeyValuePair<string, Lazy<InMemoryFile?>>(name, entry));
            throw;
        }
        return file is null ? base.OpenInput(name, context) : new InMemoryIndexInput(name, file);
    }

    public override void DeleteFile(string name)
    {
        Forget(name);
        base.DeleteFile(name);
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        Forget(name);
        return base.CreateOutput(name, context);
    }

    private void Forget(string name)
    {
        if (_files.TryRemove(name, out var removed) && removed.IsValueCreated && removed.Value is { } f)
            Interlocked.Add(ref _held, -f.Length);
    }

    /// <summary>The file's bytes, or null when holding them would pass the budget.</summary>
    private InMemoryFile? Load(string name)
    {
        // Another process (the scheduler beside the web server) deletes the files its merges replace: a new file is the
        // moment to let go of those, so memory follows the index, not its history. Open readers keep their own reference.
        var present = base.ListAll().ToHashSet(StringComparer.Ordinal);
        foreach (var held in _files.Keys)
        {
            if (!present.Contains(held)) Forget(held);
        }
        using var input = base.OpenInput(name, IOContext.READ_ONCE);
        var length = input.Length;
        if (Interlocked.Add(ref _held, length) > budgetBytes)
        {
            Interlocked.Add(ref _held, -length);
            return null;
        }
        var chunks = new byte[(int)((length + InMemoryFile.ChunkSize - 1) >> InMemoryFile.ChunkShift)][];
        for (var i = 0; i < chunks.Length; i++)
        {
            var size = (int)Math.Min(InMemoryFile.ChunkSize, length - ((long)i << InMemoryFile.ChunkShift));
            chunks[i] = new byte[size];
            input.ReadBytes(chunks[i], 0, size);
        }
        return new InMemoryFile(chunks, length);
    }
}

/// <summary>A file's bytes in chunks of 1 MiB (no single large array, no large-object-heap fragmentation).</summary>
internal sealed class InMemoryFile(byte[][] chunks, long length)
{
    public const int ChunkShift = 20;
    public const int ChunkSize = 1 << ChunkShift;

    public byte[][] Chunks { get; } = chunks;

    public long Length { get; } = length;
}

/// <summary>Reads an <see cref="InMemoryFile"/>; clones (one per term enumeration, postings list…) keep their own position.</summary>
internal sealed class InMemoryIndexInput : IndexInput
{
    private static readonly byte[] Empty = [];
    private readonly InMemoryFile _file;
    private byte[] _chunk;
    private int _chunkIndex;
    private int _offset;

    public InMemoryIndexInput(string name, InMemoryFile file) : base($"InMemoryIndexInput(\"{name}\")")
    {
        _file = file;
        _chunk = file.Chunks.Length > 0 ? file.Chunks[0] : Empty;
    }

    public override long Length => _file.Length;

    public override long Position => ((long)_chunkIndex << InMemoryFile.ChunkShift) + _offset;

    public override byte ReadByte()
    {
        if (_offset == _chunk.Length) NextChunk();
        return _chunk[_offset++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        while (len > 0)
        {
            if (_offset == _chunk.Length) NextChunk();
            var n = Math.Min(len, _chunk.Length - _offset);
            Buffer.BlockCopy(_chunk, _offset, b, offset, n);
            _offset += n;
            offset += n;
            len -= n;
        }
    }

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _file.Length) throw new EndOfStreamException($"seek to {pos} past the end ({_file.Length}): {this}");
        _chunkIndex = (int)(pos >> InMemoryFile.ChunkShift);
        _offset = (int)(pos & (InMemoryFile.ChunkSize - 1));
        _chunk = _chunkIndex < _file.Chunks.Length ? _file.Chunks[_chunkIndex] : Empty;
    }

    private void NextChunk()
    {
        if (_chunkIndex + 1 >= _file.Chunks.Length) throw new EndOfStreamException($"read past the end: {this}");
        _chunk = _file.Chunks[++_chunkIndex];
        _offset = 0;
    }

    protected override void Dispose(bool disposing) { }
}
