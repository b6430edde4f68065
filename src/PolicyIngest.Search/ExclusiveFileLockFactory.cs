using Lucene.Net.Store;
using LuceneLock = Lucene.Net.Store.Lock;
using Directory = System.IO.Directory;

namespace PolicyIngest.Search;

/// <summary>
/// The index's write lock as a file held open with no sharing, which .NET enforces between processes on Linux (an exclusive
/// flock). Lucene.Net 4.8.0-beta00017's NativeFSLockFactory does not: measured here, two processes both obtained
/// <c>write.lock</c> on one folder, and a `reindex` and a catch-up in another process then wrote the same new segment and
/// both failed (docs/search.md, session 14). In one process a second writer is refused the same way, so it waits for the
/// first (the writer's lock timeout) as before. The lock is the open handle: the file may stay behind, harmlessly.
/// </summary>
internal sealed class ExclusiveFileLockFactory(string directory) : LockFactory
{
    public override LuceneLock MakeLock(string lockName) => new ExclusiveFileLock(Path.Combine(directory, (LockPrefix ?? "") + lockName));

    public override void ClearLock(string lockName)
    {
        // Nothing to clear: a lock is released when the handle holding it is closed, by its owner or with its process.
    }

    private sealed class ExclusiveFileLock(string path) : LuceneLock
    {
        private FileStream? _held;

        public override bool Obtain()
        {
            if (_held is not null) return false;
            try
            {
                _held = Open(path);
                return true;
            }
            catch (IOException ex)
            {
                FailureReason = ex;
                return false;
            }
        }

        public override bool IsLocked()
        {
            if (_held is not null) return true;
            try
            {
                using (Open(path)) return false;
            }
            catch (IOException)
            {
                return true;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _held?.Dispose();
            _held = null;
        }

        private static FileStream Open(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        public override string ToString() => $"ExclusiveFileLock@{path}";
    }
}
