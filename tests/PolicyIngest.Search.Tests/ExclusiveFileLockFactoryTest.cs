using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// The index write lock: held by one writer at a time, whichever factory (and so whichever process: the lock is an
/// exclusive file handle, which the OS enforces between open files whether they belong to one process or two) asks.
/// </summary>
public sealed class ExclusiveFileLockFactoryTest : IDisposable
{
    private readonly TempDir _dir = new("policyingest-lock-");

    [Fact]
    public void SecondHolder_IsRefusedUntilTheFirstLetsGo()
    {
        var folder = _dir.File("index");
        using var first = new ExclusiveFileLockFactory(folder).MakeLock("write.lock");
        using var second = new ExclusiveFileLockFactory(folder).MakeLock("write.lock");
        Assert.True(first.Obtain());
        Assert.True(second.IsLocked());
        Assert.False(second.Obtain());
        first.Dispose();
        Assert.False(second.IsLocked());
        Assert.True(second.Obtain());
    }

    [Fact]
    public void SecondWriter_OnTheSameFolder_TimesOutWhileTheFirstIsOpen()
    {
        var folder = _dir.File("writers");
        IndexWriter Writer(long timeout) => new(new NIOFSDirectory(new DirectoryInfo(folder), new ExclusiveFileLockFactory(folder)),
            new IndexWriterConfig(LuceneClauseIndex.Version, new WhitespaceAnalyzer(LuceneClauseIndex.Version)) { WriteLockTimeout = timeout });
        using (var first = Writer(0))
        {
            Assert.Throws<LockObtainFailedException>(() => Writer(1500));
        }
        using var afterwards = Writer(0);
        afterwards.Commit();
    }

    public void Dispose() => _dir.Dispose();
}
