using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using Fluid;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Renders a template with its JSON model. HTML is rendered with an HTML encoder, so every value (titles, unit
/// names, anything a user typed) is escaped; the subject and the plain text are not encoded.
/// </summary>
public sealed class EmailRenderer(EmailTemplateStore templates)
{
    private static readonly TemplateOptions Options = NewOptions();

    // Escapes markup (<, >, &, quotes) but leaves Vietnamese letters readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public RenderedEmail Render(string template, string language, string? modelJson)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(modelJson) ? "{}" : modelJson);
        var model = ToPlain(document.RootElement) as Dictionary<string, object?> ?? [];
        var parsed = templates.Get(template, language);
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        var subject = string.Join(' ', parsed.Subject.Render(context, NullEncoder.Default)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        var html = parsed.Html.Render(context, Html);
        var text = parsed.Text.Render(context, NullEncoder.Default);
        // The deadline goes only with the emails whose reader can still meet it, whatever a model carries.
        var calendar = EmailTemplates.AttachesDeadline(template)
            && document.RootElement.TryGetProperty("ics", out var icsModel) && icsModel.ValueKind == JsonValueKind.Object
            ? IcsBuilder.Build(icsModel, language)
            : null;
        return new RenderedEmail(subject, html, text, calendar, calendar is null ? null : IcsBuilder.FileName);
    }

    /// <summary>With <c>subject_title</c>: a task's title as every subject quotes it (<see cref="OutboxFields.SubjectTitle"/>).</summary>
    private static TemplateOptions NewOptions()
    {
        var options = new TemplateOptions();
        options.Filters.AddFilter("subject_title", static (input, _, _) =>
            new ValueTask<Fluid.Values.FluidValue>(new Fluid.Values.StringValue(OutboxFields.SubjectTitle(input.ToStringValue()))));
        return options;
    }

    private static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
