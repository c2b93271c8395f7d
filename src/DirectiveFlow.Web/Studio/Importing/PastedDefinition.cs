using System.Text;
using DirectiveFlow.Core.Common;
using Microsoft.JSInterop;

namespace DirectiveFlow.Web.Studio.Importing;

/// <summary>
/// The text of the studio's import box, streamed from the browser when the import is asked for. Sent as the box's
/// change event it was one SignalR message, and past the hub's 32 KB limit (a flow of a dozen steps) the message ended
/// the circuit; a stream comes in chunks, so the hub keeps its default limit. Up to
/// <see cref="InputLimits.WorkflowDefinitionBytes"/> (as a file) is read; past it nothing is read.
/// </summary>
public sealed record PastedDefinition(string? Json, long Bytes)
{
    public bool IsTooLarge => Json is null;

    public static async Task<PastedDefinition> ReadAsync(IJSStreamReference text, CancellationToken cancellationToken)
    {
        if (text.Length > InputLimits.WorkflowDefinitionBytes)
        {
            return new PastedDefinition(null, text.Length);
        }

        await using var stream = await text.OpenReadStreamAsync(InputLimits.WorkflowDefinitionBytes, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new PastedDefinition(await reader.ReadToEndAsync(cancellationToken), text.Length);
    }
}
