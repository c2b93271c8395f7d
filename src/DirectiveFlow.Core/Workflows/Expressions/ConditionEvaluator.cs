using System.Collections.Concurrent;
using Acornima.Ast;
using DirectiveFlow.Core.Common.Errors;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;

namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>
/// Runs Decision conditions as strict-mode JavaScript (Jint) in a sandbox: no CLR access, no <c>eval</c>, and the
/// <see cref="ConditionLimits"/> on time, memory, statements and recursion, so a runaway condition such as
/// <c>while(true){}</c> ends in an error within the time limit instead of hanging the engine. Thread-safe.
/// </summary>
public sealed class ConditionEvaluator(ConditionLimits limits)
{
    private const int MaxCachedScripts = 512;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    public ConditionEvaluator()
        : this(ConditionLimits.Default)
    {
    }

    public ConditionLimits Limits => limits;

    /// <summary>Null when <paramref name="condition"/> parses as strict JavaScript, else the parse error.</summary>
    public static string? CheckSyntax(string condition)
    {
        try
        {
            Engine.PrepareScript(condition, strict: true);
            return null;
        }
        catch (ScriptPreparationException e)
        {
            return e.InnerException?.Message ?? e.Message;
        }
    }

    /// <summary>Evaluates <paramref name="condition"/> against <paramref name="context"/>; never throws for script faults.</summary>
    public ConditionResult Evaluate(string condition, ConditionContext context)
    {
        Prepared<Script> script;
        try
        {
            script = Prepare(condition);
        }
        catch (ScriptPreparationException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            return ConditionResult.Failure(ConditionErrorKind.Syntax, ErrorCodes.ConditionNotJavaScript, reason);
        }

        var engine = new Engine(options => options
            .Strict()
            .DisableStringCompilation()
            .TimeoutInterval(limits.Timeout)
            .LimitMemory(limits.MemoryBytes)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursion));
        try
        {
            var scope = new JsonParser(engine).Parse(context.ToJson());
            foreach (var name in new[] { "inputs", "directive", "unit", "now" })
            {
                engine.SetValue(name, scope.Get(name));
            }

            var value = engine.Evaluate(script);
            return value.IsBoolean()
                ? ConditionResult.Success(value.AsBoolean())
                : ConditionResult.Failure(ConditionErrorKind.NotBoolean, ErrorCodes.ConditionNotBoolean, Describe(value));
        }
        catch (TimeoutException)
        {
            return ConditionResult.Failure(ConditionErrorKind.Timeout, ErrorCodes.ConditionTimeout, (long)limits.Timeout.TotalMilliseconds);
        }
        catch (StatementsCountOverflowException)
        {
            return ConditionResult.Failure(ConditionErrorKind.StatementLimit, ErrorCodes.ConditionStatements, limits.MaxStatements);
        }
        catch (MemoryLimitExceededException)
        {
            return ConditionResult.Failure(ConditionErrorKind.MemoryLimit, ErrorCodes.ConditionMemory, limits.MemoryBytes / 1024 / 1024);
        }
        catch (RecursionDepthOverflowException)
        {
            return ConditionResult.Failure(ConditionErrorKind.RecursionLimit, ErrorCodes.ConditionRecursion, limits.MaxRecursion);
        }
        catch (JavaScriptException e) when (IsSandboxError(e))
        {
            return ConditionResult.Failure(ConditionErrorKind.Sandbox, ErrorCodes.ConditionSandbox, e.Message);
        }
        catch (JavaScriptException e)
        {
            return ConditionResult.Failure(ConditionErrorKind.Runtime, ErrorCodes.ConditionFailed, e.Message);
        }
        catch (JintException e)
        {
            return ConditionResult.Failure(ConditionErrorKind.Runtime, ErrorCodes.ConditionFailed, e.Message);
        }
        finally
        {
            engine.Dispose();
        }
    }

    /// <summary>
    /// An undefined name (the sandbox defines only inputs, directive, unit, now and the JavaScript built-ins, so
    /// <c>System</c>, <c>importNamespace</c> or a misspelt variable never resolve), a value too large to build
    /// (RangeError), or string compilation (<c>eval</c>, <c>Function</c>), which the engine options disable.
    /// </summary>
    private static bool IsSandboxError(JavaScriptException e)
    {
        var name = e.Error is ObjectInstance error ? error.Get("name").ToString() : null;
        return name is "ReferenceError" or "RangeError"
            || e.Message.Contains("String compilation has been disabled", StringComparison.Ordinal);
    }

    private static string Describe(JsValue value) => value.IsUndefined() ? "undefined" : value.IsNull() ? "null" : value.Type.ToString().ToLowerInvariant();

    private Prepared<Script> Prepare(string condition)
    {
        if (_prepared.TryGetValue(condition, out var script))
        {
            return script;
        }

        script = Engine.PrepareScript(condition, strict: true);
        if (_prepared.Count >= MaxCachedScripts)
        {
            _prepared.Clear();
        }

        _prepared[condition] = script;
        return script;
    }
}
