using System.Collections.Concurrent;
using Lucene.Net.Store;

namespace PolicyIngest.Search;

/// <summary>
/// The index directory as searches read it: each file read whole into memory on its first open and served from there.
/// NIOFSDirectory (chosen because MMapDirectory crashes in this beta, see <see cref="LuceneClauseIndex.Open"/>) reads
/// through a 1 KiB buffer, each refill a positioned file read under a lock with a length check: measured (a thread-time
/// profile of `bench search` at a million clauses), those reads were a fifth of a query's time. Index files are written
/// once (only <c>segments*</c> are rewritten, and they are read through). The writer does not use this directory (it
/// writes and reads through the files), so a file's bytes are let go when a later load finds it gone, and a name written
/// again with other bytes (another process rebuilt the index) is read anew, told by its length and write time.
/// Files beyond the budget, shared by every instance in the process, are read through.
/// </summary>
internal sealed class MemoryReadDirectory(FSDirectory inner, long budgetBytes) : FilterDirectory(inner)
{
    private static long s_held;
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>Bytes of index files this instance holds.</summary>
    public long HeldHere => _files.Values.Sum(e => e.Counted);

    /// <summary>One file's load, and the bytes it counts against the budget until it is let go (once).</summary>
    private sealed class Entry
    {
        private long _counted;

        public Entry(Func<Entry, InMemoryFile?> load) => Load = new(() => load(this), LazyThreadSafetyMode.ExecutionAndPublication);

        public Lazy<InMemoryFile?> Load { get; }

        public void Count(long bytes) => Interlocked.Add(ref _counted, bytes);

        public long Counted => Interlocked.Read(ref _counted);

        /// <summary>Gives the counted bytes back to the budget; only the first call does.</summary>
        public void Release() => Interlocked.Add(ref s_held, -Interlocked.Exchange(ref _counted, 0));
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (name.StartsWith("segments", StringComparison.Ordinal)) return base.OpenInput(name, context);
        var stamp = StampOf(name);
        for (var attempt = 0; ; attempt++)
        {
            var entry = _files.GetOrAdd(name, n => NewEntry(n, stamp));
            InMemoryFile? file;
            try
            {
                file = entry.Load.Value;
            }
            catch
            {
                Forget(name, entry);
                throw;
            }
            if (file is null) return base.OpenInput(name, context);
            // A name used again for other bytes is read anew, never served stale; a file deleted since its load is served
            // from the copy (a reader of an older commit may still need it).
            if (file.Stamp == stamp || stamp is null || attempt > 0) return new InMemoryIndexInput(name, file);
            Forget(name, entry);
        }
    }

    private Entry NewEntry(string name, (long Length, long Ticks)? stamp) => new(e => Load(name, stamp, e));

    private void Forget(string name, Entry entry)
    {
        if (_files.TryRemove(new KeyValuePair<string, Entry>(name, entry))) entry.Release();
    }

    /// <summary>The file's length and last write time, or null when it is not there.</summary>
    private (long Length, long Ticks)? StampOf(string name)
    {
        var info = new FileInfo(Path.Combine(inner.Directory.FullName, name));
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>The file's bytes, or null when holding them would pass the budget.</summary>
    private InMemoryFile? Load(string name, (long Length, long Ticks)? stamp, Entry entry)
    {
        // Files the writer deleted since (merged away, or by another process) are let go when a new one is loaded, so memory
        // follows the index, not its history. Only finished loads are let go; open readers keep their own reference.
        var present = base.ListAll().ToHashSet(StringComparer.Ordinal);
        foreach (var (held, e) in _files)
        {
            if (!present.Contains(held) && e.Load.IsValueCreated) Forget(held, e);
        }
        using var input = base.OpenInput(name, IOContext.READ_ONCE);
        var length = input.Length;
        if (Interlocked.Add(ref s_held, length) > budgetBytes)
        {
            Interlocked.Add(ref s_held, -length);
            return null;
        }
        entry.Count(length);
        var chunks = new byte[(int)((length + InMemoryFile.ChunkSize - 1) >> InMemoryFile.ChunkShift)][];
        for (var i = 0; i < chunks.Length; i++)
        {
            var size = (int)Math.Min(InMemoryFile.ChunkSize, length - ((long)i << InMemoryFile.ChunkShift));
            chunks[i] = GC.AllocateUninitializedArray<byte>(size);
            input.ReadBytes(chunks[i], 0, size);
        }
        return new InMemoryFile(chunks, length, stamp);
    }

    /// <summary>Lets go of the files held; the directory underneath belongs to whoever passed it in (the index), not to this.</summary>
    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed) return;
        _disposed = true;
        foreach (var (name, entry) in _files) Forget(name, entry);
    }
}

/// <summary>A file's bytes in chunks of 64 KiB: below the large-object heap's threshold, so they are compacted like any array.</summary>
internal sealed class InMemoryFile(byte[][] chunks, long length, (long Length, long Ticks)? stamp)
{
    public const int ChunkShift = 16;
    public const int ChunkSize = 1 << ChunkShift;

    public byte[][] Chunks { get; } = chunks;

    public long Length { get; } = length;

    /// <summary>The file's length and last write time when it was read.</summary>
    public (long Length, long Ticks)? Stamp { get; } = stamp;
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
