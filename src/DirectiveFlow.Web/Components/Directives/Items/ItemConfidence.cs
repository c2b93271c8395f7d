namespace DirectiveFlow.Web.Components.Directives.Items;

/// <summary>How sure a proposed match is, in the words the editor shows (README "Pasting a conclusion").</summary>
public static class ItemConfidence
{
    /// <summary>From here a match can be taken as it is: "chắc chắn".</summary>
    public const double Sure = 0.8;

    /// <summary>From here up to <see cref="Sure"/> the issuer checks it ("cần kiểm tra"); below, they choose ("cần chọn").</summary>
    public const double Check = 0.5;

    /// <summary>The UI text key of a confidence: Items.Confidence.Sure, .Check or .Choose.</summary>
    public static string Key(double confidence) => confidence switch
    {
        >= Sure => "Items.Confidence.Sure",
        >= Check => "Items.Confidence.Check",
        _ => "Items.Confidence.Choose",
    };

    /// <summary>The CSS modifier of a confidence's badge.</summary>
    public static string Css(double confidence) => confidence switch
    {
        >= Sure => "sure",
        >= Check => "check",
        _ => "choose",
    };
}
