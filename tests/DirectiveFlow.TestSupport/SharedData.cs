namespace DirectiveFlow.TestSupport;

/// <summary>Finds the official commune lists in ../shared/data (beside the repository), never copied into it.</summary>
public static class SharedData
{
    public static string HanoiCommunesCsv => Find("hanoi-communes-2025.csv");

    public static string VietnamCommunesCsv => Find("vietnam-communes-2025.csv");

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

    private static string Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{fileName} not found in any shared/data folder above {AppContext.BaseDirectory}.");
    }
}
