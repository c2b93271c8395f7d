using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The weekly summary email's attachments: its model names the week, the recipient's unit, the audience and the
/// formats (<c>"report": {"week", "unitId", "audience", "formats"}</c>); the report is built for that scope when the
/// email is sent, so its figures are as of the sending (the body's as of the writing, normally a minute earlier).
/// </summary>
public sealed class WeeklyReportAttachments(DirectiveFlowDbContext db, ISender sender) : IEmailAttachmentSource
{
    public async Task<IReadOnlyList<EmailAttachment>> BuildAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Template != EmailTemplates.WeeklySummary || message.ModelJson is null)
        {
            return [];
        }

        using var model = JsonDocument.Parse(message.ModelJson);
        if (!model.RootElement.TryGetProperty("report", out var spec)
            || !IsoWeek.TryParse(spec.GetProperty("week").GetString(), out var week)
            || spec.GetProperty("formats").GetArrayLength() == 0)
        {
            return [];
        }

        var query = await WeeklyReportAudience.QueryAsync(db, spec.GetProperty("audience").GetString() ?? "", spec.GetProperty("unitId").GetGuid(), week, cancellationToken);
        var report = await sender.Send(query, cancellationToken);
        return spec.GetProperty("formats").EnumerateArray().Select(f => f.GetString()).Distinct()
            .Select(f => f switch
            {
                "xlsx" => WeeklyReportFile.Xlsx(report),
                "pdf" => WeeklyReportFile.Pdf(report),
                _ => null,
            })
            .OfType<WeeklyReportFile>()
            .Select(f => new EmailAttachment(f.FileName, f.ContentType, f.Content))
            .ToList();
    }
}
