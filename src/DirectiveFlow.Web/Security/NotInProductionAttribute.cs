namespace DirectiveFlow.Web.Security;

/// <summary>
/// Marks a page (or endpoint) of the demo — the mailbox — that Production must not serve: there its route answers 404,
/// whoever asks, before authentication (<see cref="NotInProductionGate"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NotInProductionAttribute : Attribute;
