namespace DirectiveFlow.Web.Components.Overview;

/// <summary>One option of an overview filter: the value the form sends and the name officials read.</summary>
public sealed record OverviewChoice(string Value, string Name);
