namespace PolicyIngest.Cli;

/// <summary>Files a command writes on request (--html, --md, --docx): the folder is made when missing.</summary>
public static class OutputFile
{
    public static void WriteText(string path, string text)
    {
        CreateFolder(path);
        File.WriteAllText(path, text);
    }

    public static FileStream Create(string path)
    {
        CreateFolder(path);
        return File.Create(path);
    }

    private static void CreateFolder(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
    }
}
