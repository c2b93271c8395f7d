namespace DirectiveFlow.Infrastructure.Tasks;

/// <summary>Turns collected field errors into one 400 problem, before anything is loaded or written.</summary>
public static class TaskValidation
{
    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new TaskProblemException(TaskProblemKind.Invalid, "Dữ liệu không hợp lệ. / One or more fields are invalid.", errors);
        }
    }
}
