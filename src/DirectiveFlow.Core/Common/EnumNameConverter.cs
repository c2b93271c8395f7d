using System.Text.Json.Serialization;

namespace DirectiveFlow.Core.Common;

/// <summary>
/// An enum in a request by its name only (case-insensitive): <c>"Holiday"</c>, never <c>1</c> or <c>"1"</c>. The
/// framework's converter takes numbers by default, and <c>99</c> would be stored as a value the enum does not have.
/// </summary>
public sealed class EnumNameConverter<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false)
    where T : struct, Enum;
