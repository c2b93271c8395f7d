namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The officer a task is given to (or who may be given it): the account, the person's name and position.</summary>
public sealed record AssigneeDto(Guid Id, string FullName, string Position)
{
    /// <summary>"Trần Văn Minh (Chuyên viên)", or the name alone when the account has no position.</summary>
    public string Label => string.IsNullOrWhiteSpace(Position) ? FullName : $"{FullName} ({Position})";
}
