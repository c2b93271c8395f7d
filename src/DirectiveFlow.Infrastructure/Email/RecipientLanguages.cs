using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// The language of an email: English only when every recipient who is a user prefers English; Vietnamese otherwise
/// (including addresses that belong to no user).
/// </summary>
public static class RecipientLanguages
{
    public static async Task<string> ResolveAsync(DirectiveFlowDbContext db, string to, CancellationToken cancellationToken)
    {
        var normalized = to.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.ToUpperInvariant()).ToList();
        if (normalized.Count == 0)
        {
            return EmailTemplateStore.DefaultLanguage;
        }

        var languages = await Languages.For(db)(db, normalized).ToListAsync(cancellationToken);
        return languages.Count == normalized.Count && languages.All(l => l == "en") ? "en" : EmailTemplateStore.DefaultLanguage;
    }

    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, List<string>, IAsyncEnumerable<string>>> Languages = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<string> addresses) => db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && addresses.Contains(u.NormalizedEmail))
            .Select(u => u.PreferredLanguage)));
}
