using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Organisation;

/// <summary>The "Organisation" configuration section.</summary>
public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    /// <summary>The province a <c>code,name,type</c> file (one province's communes) belongs to.</summary>
    [Required, RegularExpression("^[0-9]{2}$")]
    public string DefaultProvinceCode { get; set; } = "01";

    [Required]

    public string DefaultProvinceName { get; set; } = "Thành phố Hà Nội";
}
