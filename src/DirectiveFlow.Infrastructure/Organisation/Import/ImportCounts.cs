namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>How many records an import created, changed, or found already as the file says.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged)
{
    public static readonly ImportCounts None = new(0, 0, 0);

    public int Total => Created + Updated + Unchanged;

    public ImportCounts Add(Change change) => change switch
    {
        Change.Created => this with { Created = Created + 1 },
        Change.Updated => this with { Updated = Updated + 1 },
        _ => this with { Unchanged = Unchanged + 1 },
    };

    public enum Change
    {
        Unchanged,
        Created,
        Updated,
    }
}
