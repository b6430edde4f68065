namespace PolicyIngest.Fetch;

/// <summary>
/// The name of this process among every process that runs a catalogue's pipelines: host-pid. The run log records it
/// (<c>fetch_run.node</c>) and a clustered scheduler uses it as its Quartz instance id, so a run's node is the scheduler
/// that fired it, and a node that died is named by the runs it left unfinished.
/// </summary>
public static class RunNode
{
    public static string ThisProcess { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
