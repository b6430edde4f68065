namespace PolicyIngest.Core;

/// <summary>
/// The input cannot be read as a policy document (empty, corrupt, encrypted, unsupported, too large).
/// The message is one plain line for the user: the CLI prints <c>error: &lt;file&gt;: &lt;message&gt;</c>.
/// </summary>
public sealed class UnreadableDocumentException(string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public string Reason => Message;
}
