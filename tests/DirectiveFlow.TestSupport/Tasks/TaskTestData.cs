using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.TestSupport.Tasks;

/// <summary>
/// TEST-ONLY: writes units, directives and unit-task rows straight into the database, so task lifecycle tests do
/// not depend on the runtime's cascade. Rows look like what the engine writes (same fields), nothing more.
/// </summary>
public sealed class TaskTestData(DirectiveFlowDbContext db)
{
    public static OrgUnit Unit(string code, string name, Guid? parentId = null, UnitLevel level = UnitLevel.Commune, Pillar pillar = Pillar.Committee) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Name = name,
        ParentId = parentId,
        Level = level,
        Pillar = pillar,
        LocalityId = Guid.Empty,
        LocalityCode = code.Split('-')[0],
        HeadEmail = $"head.{code.ToLowerInvariant()}@example.vn",
        Kind = parentId is null ? OrgUnitKind.PillarUnit : OrgUnitKind.ResidentialGroup,
    };

    public async Task<OrgUnit> AddUnitAsync(string code, string name, Guid? parentId = null, UnitLevel level = UnitLevel.Commune)
    {
        var unit = Unit(code, name, parentId, level);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task<Directive> AddDirectiveAsync(Guid issuingUnitId, string number = "Kết luận số 15-KL/TU", string title = "Triển khai Kết luận về chuyển đổi số")
    {
        var directive = new Directive
        {
            Id = Guid.NewGuid(),
            Number = number,
            Title = title,
            Body = "Nội dung chỉ đạo: rõ tiến độ, rõ trách nhiệm, rõ kết quả.",
            IssuingUnitId = issuingUnitId,
            WorkflowDefinitionId = "test-flow",
            WorkflowVersion = 1,
            InstanceId = Guid.NewGuid(),
        };
        db.Directives.Add(directive);
        await db.SaveChangesAsync();
        return directive;
    }

    /// <summary>A task for <paramref name="unitId"/> assigned by <paramref name="assignerUnitId"/>, due at <paramref name="dueAt"/>.</summary>
    public async Task<UnitTask> AddTaskAsync(
        Directive directive, Guid unitId, Guid assignerUnitId, DateTimeOffset createdAt, DateTimeOffset dueAt,
        UnitTaskStatus status = UnitTaskStatus.Assigned, bool requiresReview = false, IReadOnlyList<Guid>? supporting = null,
        string title = "Báo cáo kết quả thực hiện tại phường", Action<UnitTask>? configure = null)
    {
        var task = new UnitTask
        {
            Id = Guid.NewGuid(),
            DirectiveId = directive.Id,
            InstanceId = directive.InstanceId,
            ActivityId = "task-" + Guid.NewGuid().ToString("N")[..8],
            UnitId = unitId,
            AssignerUnitId = assignerUnitId,
            Title = title,
            Instructions = "Tổ chức quán triệt và báo cáo kết quả.",
            Status = status,
            CreatedAt = createdAt,
            DueAt = dueAt,
            OriginalDueAt = dueAt,
            RequiresReview = requiresReview,
            NextActionAt = dueAt,
        };
        configure?.Invoke(task);
        db.Tasks.Add(task);
        foreach (var s in supporting ?? [])
        {
            db.TaskSupportingUnits.Add(new TaskSupportingUnit { TaskId = task.Id, UnitId = s });
        }

        await db.SaveChangesAsync();
        return task;
    }
}
