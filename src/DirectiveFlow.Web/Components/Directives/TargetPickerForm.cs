using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Web.Components.Shared;
using DirectiveFlow.Web.Localization;
using Mediator;

namespace DirectiveFlow.Web.Components.Directives;

/// <summary>
/// The posted choice of <see cref="TargetPicker"/>: the ticked boxes, the pasted codes and the uploaded CSV of each
/// narrowable cascade, as the issue command's <c>targets</c>. A code that does not exist, or lies outside the cascade's
/// set, is reported under its source with its line, and nothing is issued. A cascade with no choice reaches every unit.
/// </summary>
public static class TargetPickerForm
{
    public const int MaxCsvBytes = 256 * 1024;

    /// <summary>The form field of one part ("pick", "text", "csv") of a cascade's picker.</summary>
    public static string Field(string activityId, string part) => $"targets.{activityId}.{part}";

    /// <summary>Whether the set spans several communes: then the issuer picks communes, otherwise units.</summary>
    public static bool ByCommune(CascadeTargetSet set) => set.Units.Select(u => u.LocalityCode).Distinct(StringComparer.Ordinal).Skip(1).Any();

    public static async Task<Dictionary<string, TargetChoice>?> ReadAsync(
        IFormCollection form, IReadOnlyList<CascadeTargetSet> sets, ISender sender, FormErrors errors, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TargetChoice>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var byCommune = ByCommune(set);
            var allowed = set.Units.Select(u => byCommune ? u.LocalityCode : u.UnitCode).ToHashSet(StringComparer.Ordinal);
            var typed = TargetCodeText.Parse(form[Field(set.ActivityId, "text")]).Select(c => (Part: "text", c.Line, c.Code)).ToList();
            typed.AddRange((await CsvAsync(form, set.ActivityId, errors, cancellationToken)).Select(c => (Part: "csv", c.Line, c.Code)));
            var stray = typed.Where(c => !allowed.Contains(c.Code)).ToList();
            if (stray.Count > 0)
            {
                var known = await sender.Send(new FindTargetCodesQuery(stray.Select(c => c.Code).ToList(), byCommune), cancellationToken);
                foreach (var (part, line, code) in stray)
                {
                    var message = new ErrorMessage(known.Contains(code) ? ErrorCodes.TargetOutsideSet : ErrorCodes.TargetUnknownCode, code, line);
                    errors.Add(Field(set.ActivityId, part), message.Text(UiText.IsEnglish));
                }
            }

            var chosen = form[Field(set.ActivityId, "pick")].OfType<string>()
                .Concat(typed.Where(c => allowed.Contains(c.Code)).Select(c => c.Code))
                .Distinct(StringComparer.Ordinal).ToList();
            if (chosen.Count > 0)
            {
                result[set.ActivityId] = byCommune ? new TargetChoice(LocalityCodes: chosen) : new TargetChoice(UnitCodes: chosen);
            }
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>
    /// The codes of each cascade's uploaded CSV, for a form shown again instead of sent: a browser never refills a file
    /// input, and a CSV lost there would leave the cascade with no choice — every unit. They are put in the picker's
    /// pasted codes instead (<see cref="TargetPicker"/>), in the file's order, with the file's name. A CSV over the size
    /// limit keeps nothing (its error is shown when the form is sent).
    /// </summary>
    public static async Task<Dictionary<string, KeptCsv>> KeepCsvAsync(IFormCollection form, IReadOnlyList<CascadeTargetSet> sets, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, KeptCsv>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            if (form.Files.GetFile(Field(set.ActivityId, "csv")) is { Length: > 0 and <= MaxCsvBytes } file)
            {
                var codes = await CsvAsync(form, set.ActivityId, new FormErrors(), cancellationToken);
                if (codes.Count > 0)
                {
                    kept[set.ActivityId] = new KeptCsv(file.FileName, codes.Select(c => c.Code).ToList());
                }
            }
        }

        return kept;
    }

    private static async Task<List<(int Line, string Code)>> CsvAsync(
        IFormCollection form, string activityId, FormErrors errors, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(Field(activityId, "csv")) is not { Length: > 0 } file)
        {
            return [];
        }

        if (file.Length > MaxCsvBytes)
        {
            errors.Add(Field(activityId, "csv"), "Targets.CsvTooLarge");
            return [];
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return TargetCodeText.Parse(await reader.ReadToEndAsync(cancellationToken), firstCellOnly: true);
    }
}

/// <summary>The codes of a CSV uploaded on a form shown again, kept as pasted codes (<see cref="TargetPickerForm.KeepCsvAsync"/>).</summary>
public sealed record KeptCsv(string FileName, IReadOnlyList<string> Codes);
