namespace DirectiveFlow.Infrastructure.Configuration;

/// <summary>
/// A start refused because of the configuration; its message names the setting and says what to set, for the operator
/// (the host prints it alone, without a stack trace).
/// </summary>
public sealed class SettingsException(string message) : InvalidOperationException(message);
