namespace DirectiveFlow.Web.Components.Layout;

/// <summary>Whether the demo conveniences (logins hint, mailbox link) are shown: <c>Demo:Enabled</c>.</summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>("Demo:Enabled");

    public static string? Password(IConfiguration configuration) => configuration["Demo:Password"];
}
