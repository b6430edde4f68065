using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// The index write lock: held by one writer at a time, whichever factory asks, and refused to another process while held
/// (checked with util-linux flock in a child process: Lucene.Net's NativeFSLockFactory let a second process take it).
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
        Assert.False(AnotherProcessCanLock(Path.Combine(folder, "write.lock")));
        first.Dispose();
        Assert.False(second.IsLocked());
        Assert.True(AnotherProcessCanLock(Path.Combine(folder, "write.lock")));
        Assert.True(second.Obtain());
    }

    /// <summary>
    /// Whether a separate process (util-linux flock, non-blocking) can take even a shared lock on the file. A shared request
    /// is what tells the two factories apart: NativeFSLockFactory's handle holds only a shared lock, which another process
    /// shares (measured: flock -n -s succeeds beside it), while the exclusive handle refuses it.
    /// </summary>
    private static bool AnotherProcessCanLock(string path)
    {
        using var flock = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("flock", ["-n", "-s", path, "true"]) { UseShellExecute = false })!;
        flock.WaitForExit();
        return flock.ExitCode == 0;
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
