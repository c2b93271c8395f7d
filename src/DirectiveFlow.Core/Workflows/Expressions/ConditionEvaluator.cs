using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Json;
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
            return ConditionResult.Failure(ConditionErrorKind.Syntax, $"The condition is not valid JavaScript: {reason}",
                $"Điều kiện không phải là JavaScript hợp lệ: {reason}");
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
                : ConditionResult.Failure(ConditionErrorKind.NotBoolean,
                    $"The condition must return true or false, not {Describe(value)}.",
                    $"Điều kiện phải trả về true hoặc false, không phải {Describe(value)}.");
        }
        catch (TimeoutException)
        {
            return Limit(ConditionErrorKind.Timeout, $"ran longer than {limits.Timeout.TotalMilliseconds:0} ms",
                $"chạy quá {limits.Timeout.TotalMilliseconds:0} ms");
        }
        catch (StatementsCountOverflowException)
        {
            return Limit(ConditionErrorKind.StatementLimit, $"ran more than {limits.MaxStatements} statements",
                $"chạy quá {limits.MaxStatements} câu lệnh");
        }
        catch (MemoryLimitExceededException)
        {
            return Limit(ConditionErrorKind.MemoryLimit, $"used more than {limits.MemoryBytes / 1024 / 1024} MB of memory",
                $"dùng quá {limits.MemoryBytes / 1024 / 1024} MB bộ nhớ");
        }
        catch (RecursionDepthOverflowException)
        {
            return Limit(ConditionErrorKind.RecursionLimit, $"recursed deeper than {limits.MaxRecursion} calls",
                $"đệ quy sâu quá {limits.MaxRecursion} lần gọi");
        }
        catch (JavaScriptException e) when (IsSandboxError(e))
        {
            return ConditionResult.Failure(ConditionErrorKind.Sandbox, $"The condition uses what the sandbox does not offer: {e.Message}",
                $"Điều kiện dùng thứ môi trường an toàn không cho phép: {e.Message}");
        }
        catch (JavaScriptException e)
        {
            return ConditionResult.Failure(ConditionErrorKind.Runtime, $"The condition failed: {e.Message}",
                $"Điều kiện bị lỗi khi chạy: {e.Message}");
        }
        catch (JintException e)
        {
            return ConditionResult.Failure(ConditionErrorKind.Runtime, $"The condition failed: {e.Message}",
                $"Điều kiện bị lỗi khi chạy: {e.Message}");
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

    private static ConditionResult Limit(ConditionErrorKind kind, string what, string whatVi) =>
        ConditionResult.Failure(kind, $"The condition was stopped: it {what}.", $"Điều kiện bị dừng: {whatVi}.");

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
