namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>One thing wrong with an import file; <see cref="Line"/> is 1-based, the header being line 1.</summary>
public sealed record ImportProblem(int Line, string Message);
