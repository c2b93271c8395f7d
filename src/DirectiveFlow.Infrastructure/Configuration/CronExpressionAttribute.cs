using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Configuration;

/// <summary>A Quartz cron expression (six or seven fields, seconds first), checked when the host starts.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CronExpressionAttribute : ValidationAttribute
{
    public CronExpressionAttribute()
        : base("The field {0} must be a Quartz cron expression (seconds first), e.g. \"0 30 7 * * ?\".")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            _ = new Quartz.CronExpression(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
