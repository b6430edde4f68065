using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure;

/// <summary>Text blocks in, a PolicyDocument (metadata, clause tree, parts) out. Pure: no I/O, no clock.</summary>
public interface IStructureParser
{
    PolicyDocument Parse(ExtractedText text, DocumentIdentity identity);
}

/// <summary>Where the bytes came from; copied into the document and its parts.</summary>
public sealed record DocumentIdentity(string Source, string Sha256);
