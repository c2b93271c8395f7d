namespace DirectiveFlow.Infrastructure.Email.Links;

/// <summary>The pages an email links to, on the public address (<see cref="PublicAddress"/>): one place for their paths.</summary>
public static class EmailLinks
{
    /// <summary>The task's page.</summary>
    public static string Task(string baseUrl, Guid taskId) => $"{baseUrl.TrimEnd('/')}/tasks/{taskId}";
}
