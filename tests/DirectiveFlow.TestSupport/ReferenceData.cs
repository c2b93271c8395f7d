namespace DirectiveFlow.TestSupport;

/// <summary>Files of the repository the tests read: the official commune lists (data/reference), shipped flows, deployment files.</summary>
public static class ReferenceData
{
    public static string HanoiCommunesCsv => Path.Combine(RepositoryRoot, "data", "reference", "hanoi-communes-2025.csv");

    public static string VietnamCommunesCsv => Path.Combine(RepositoryRoot, "data", "reference", "vietnam-communes-2025.csv");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DirectiveFlow.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("DirectiveFlow.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
