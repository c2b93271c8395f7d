using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Items;
using DirectiveFlow.Web.Components.Shared;
using DirectiveFlow.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace DirectiveFlow.Web.Components.Directives.Items;

/// <summary>
/// The item editor of the new-directive page for a flow with an input of type "items": the rows as posted, the text
/// pasted to propose them from, and the units they name. Built once per request; a row button changes the rows and the
/// page shows them again, the issue button sends them (nothing is issued before).
/// </summary>
public sealed class ItemEditorState
{
    public const string InputType = WorkflowInput.ItemsType;

    private ItemEditorState(WorkflowInput input, List<ItemRow> rows, string? paste)
    {
        Input = input;
        Rows = rows;
        Paste = paste;
    }

    public WorkflowInput Input { get; }

    /// <summary>The key the issue command reports this input's rows under: <c>inputs.{name}</c>, then <c>[i].part</c>.</summary>
    public string ErrorPrefix => "inputs." + Input.Name;

    public List<ItemRow> Rows { get; private set; }

    public string? Paste { get; }

    public ItemUnits Units { get; private set; } = ItemUnits.None;

    /// <summary>The editor of the flow's items input, as posted (one empty row on a first visit); null when it has none.</summary>
    public static ItemEditorState? Of(IReadOnlyList<WorkflowInput> inputs, IFormCollection? form)
    {
        if (inputs.FirstOrDefault(i => i.Type == InputType) is not { } input)
        {
            return null;
        }

        return form is null || !form.ContainsKey(ItemEditorForm.PasteField)
            ? new ItemEditorState(input, [new ItemRow()], null)
            : new ItemEditorState(input, ItemEditorForm.Read(form), form[ItemEditorForm.PasteField].ToString());
    }

    /// <summary>
    /// Carries out a button of the editor (<paramref name="op"/>): propose rows from the pasted text (they replace the
    /// rows), add, move or remove a row, or only look the units up again; then finds the units the rows name.
    /// </summary>
    public async Task EditAsync(string? op, Guid issuingUnitId, ISender sender, FormErrors errors, CancellationToken cancellationToken)
    {
        if (op == ItemEditorForm.Propose)
        {
            try
            {
                var parsed = await sender.Send(new ParseItemsQuery(Paste, issuingUnitId == Guid.Empty ? null : issuingUnitId), cancellationToken);
                Rows = parsed.Items.Count == 0 ? Rows : parsed.Items.Take(ItemEditorForm.MaxItems).Select(ItemRow.From).ToList();
                if (parsed.Items.Count == 0)
                {
                    errors.Add(ItemEditorForm.PasteField, "Items.NothingProposed");
                }
            }
            catch (ProblemException problem)
            {
                foreach (var message in problem.Errors.Values.SelectMany(m => m))
                {
                    errors.Add(ItemEditorForm.PasteField, message.Text(UiText.IsEnglish));
                }
            }
        }
        else if (op is not null)
        {
            ItemEditorForm.Apply(Rows, op);
        }

        Units = await ItemUnits.ResolveAsync(Rows, issuingUnitId == Guid.Empty ? null : issuingUnitId, sender, cancellationToken);
    }

    /// <summary>Checks the rows before issuing, each message under its row.</summary>
    public void Check(FormErrors errors)
    {
        foreach (var (key, message) in ItemEditorForm.Check(ErrorPrefix, Rows, Units.Names))
        {
            errors.Add(key, message);
        }
    }
}
