using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>Writes directives and tasks straight into the database so page tests control every date and state.</summary>
public sealed class UiTestData(DirectiveFlowDbContext db)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task<Directive> DirectiveAsync(string number = "Kết luận số 15-KL/TU", string title = "Triển khai Vành đai 4")
    {
        var issuer = await db.Units.SingleAsync(u => u.Code == "01-PARTY", Ct);
        var directive = new Directive
        {
            Id = Guid.NewGuid(),
            Number = number,
            Title = title,
            Body = "Rõ tiến độ, rõ trách nhiệm, rõ kết quả.",
            IssuingUnitId = issuer.Id,
            WorkflowDefinitionId = "party-conclusion",
            WorkflowVersion = 1,
            InstanceId = Guid.NewGuid(),
            CreatedAt = Now,
            CreatedBy = "01-PARTY",
        };
        db.Directives.Add(directive);
        await db.SaveChangesAsync(Ct);
        return directive;
    }

    /// <summary>A task for <paramref name="unitCode"/>, assigned by 01-PARTY, due at <paramref name="dueAt"/>.</summary>
    public async Task<UnitTask> TaskAsync(
        Directive directive, string unitCode, string title, DateTimeOffset dueAt,
        UnitTaskStatus status = UnitTaskStatus.Assigned, DateTimeOffset? completedAt = null, bool requiresReview = false)
    {
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode, Ct);
        var assigner = await db.Units.SingleAsync(u => u.Code == "01-PARTY", Ct);
        var task = new UnitTask
        {
            Id = Guid.NewGuid(),
            DirectiveId = directive.Id,
            InstanceId = directive.InstanceId,
            ActivityId = "task-" + Guid.NewGuid().ToString("N")[..8],
            UnitId = unit.Id,
            AssignerUnitId = assigner.Id,
            Title = title,
            Instructions = "Báo cáo kết quả về Thành ủy.",
            Status = status,
            CreatedAt = Now.AddDays(-10),
            DueAt = dueAt,
            OriginalDueAt = dueAt,
            CompletedAt = completedAt,
            ReportedAt = status == UnitTaskStatus.Reported ? Now.AddHours(-1) : null,
            RequiresReview = requiresReview,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(Ct);
        return task;
    }
}
