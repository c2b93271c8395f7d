using DirectiveFlow.Core.Directives;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>Who signed a directive's document; null on a directive when no signer was recorded.</summary>
public sealed record SignerDto(string Name, string? Position)
{
    public static SignerDto? Of(Directive directive) =>
        directive.SignerName is { } name ? new SignerDto(name, directive.SignerPosition) : null;

    /// <summary>"name — position", or the name alone.</summary>
    public override string ToString() => Position is null ? Name : $"{Name} — {Position}";
}
