using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.Web.Components.Shared;
using DirectiveFlow.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Components;

namespace DirectiveFlow.Web.Components.Tasks;

/// <summary>
/// Base of the task page's action forms: runs one command of the tasks service, then redirects back to the task
/// (post/redirect/get) or keeps the form with its errors next to the fields.
/// </summary>
public abstract class TaskActionForm : ComponentBase
{
    [Parameter, EditorRequired]
    public TaskDetailDto Task { get; set; } = default!;

    [Inject]
    protected IMediator Mediator { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    // Named apart from the T every component gets from _Imports.razor, which the derived forms use.
    [Inject]
    private UiText Text { get; set; } = default!;

    protected FormErrors Errors { get; } = new();

    /// <summary>
    /// Runs <paramref name="action"/>; on success goes back to the task page saying what was done. False when the form
    /// is shown again (an error before or from the action).
    /// </summary>
    protected async Task<bool> RunAsync(string done, Func<Task> action)
    {
        if (Errors.Any)
        {
            return false;
        }

        var succeeded = false;
        try
        {
            await action();
            // An action may stop on a field error of its own (a file no longer kept) without a refusal from the service.
            succeeded = !Errors.Any;
        }
        catch (ProblemException problem)
        {
            AddProblem(problem);
        }
        catch (TaskTransitionException)
        {
            // The task moved on between the page's reading and this command's (a form posted after another officer's
            // action): the command's own check refuses it, and the officer keeps the form with what was typed.
            AddProblem(ProblemException.Conflict(ErrorCodes.TaskStateForbids));
        }

        // Outside the try: a redirect in static rendering may be signalled by an exception that must not be caught.
        if (succeeded)
        {
            Navigation.NavigateTo($"tasks/{Task.Id}?done={done}");
        }

        return succeeded;
    }

    protected void AddProblem(ProblemException problem)
    {
        if (problem.Kind == ProblemKind.Invalid && problem.Errors.Count > 0)
        {
            foreach (var (field, messages) in problem.Errors)
            {
                foreach (var message in messages)
                {
                    Errors.Add(field, message.Text(UiText.IsEnglish));
                }
            }

            return;
        }

        // A conflict's own sentence says what stands in the way: only a task that moved on is said to have changed
        // state ("the task has just changed state" before "the new deadline is after the directive's" was false).
        var text = problem.Problem.Text(UiText.IsEnglish);
        Errors.Add(FormErrors.Form, problem.Kind switch
        {
            ProblemKind.Conflict when problem.Code == ErrorCodes.TaskStateForbids => Text["Error.Conflict"],
            ProblemKind.Conflict => text,
            ProblemKind.Forbidden => $"{Text["Error.Forbidden"]} {text}",
            ProblemKind.NotFound => $"{Text["Error.NotFound"]} {text}",
            _ => $"{Text["Error.Unexpected"]} {text}",
        });
    }
}
