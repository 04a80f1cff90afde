using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;
using Samordna.Core;

namespace Samordna.Web.Settings;

/// <summary>
/// Reads one configuration section into its settings class and checks it, so a wrong value is refused at start
/// with one line: a key the class does not have (a typo would otherwise be ignored), a value of the wrong type
/// ("many" for a number), or a value outside what the property's <see cref="ValidationAttribute"/> allows
/// (<c>[Range(1, 50, ErrorMessage = "must be between 1 and 50")]</c>). The attributes on the settings class are
/// the one statement of what is allowed: the same validator runs at start and again through <c>ValidateOnStart</c>.
/// </summary>
public static class SettingSection
{
    /// <summary>The section bound into a new <typeparamref name="T"/>; throws <see cref="InvalidSettingException"/> on the first problem.</summary>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var values = configuration.GetSection(section);
        CheckKeysAndTypes(values, typeof(T));
        T settings;
        try
        {
            settings = values.Get<T>() ?? new T();
        }
        catch (InvalidOperationException e) when (e is not InvalidSettingException)
        {
            // Whatever the checks above did not foresee still ends as one line, the binder's own.
            throw new InvalidSettingException(e.Message, e);
        }
        if (Problems(settings, section).FirstOrDefault() is { } problem) throw problem;
        return settings;
    }

    /// <summary>
    /// Every key under <paramref name="values"/> must be a property of <paramref name="type"/>, and every value must
    /// convert to its type. Properties that are classes of their own are checked the same way, one level down.
    /// </summary>
    public static void CheckKeysAndTypes(IConfigurationSection values, Type type)
    {
        var properties = Properties(type).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in values.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
                throw new InvalidSettingException(child.Path, null,
                    $"is not a setting; {values.Path} has {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (target != typeof(string) && !target.IsValueType)
            {
                if (child.Value is { Length: > 0 } text)
                    throw new InvalidSettingException(child.Path, Quoted(text), "must be a section of settings, not a single value");
                CheckKeysAndTypes(child, target);
                continue;
            }
            if (child.GetChildren().Any())
                throw new InvalidSettingException(child.Path, null, $"must be a single value, {Expected(property, target)}");
            if (target == typeof(string)) continue;
            if (string.IsNullOrWhiteSpace(child.Value))
            {
                // An empty value (Samordna__OpenTalks__TalkLimit=) is not "the default": the binder cannot read it.
                if (Nullable.GetUnderlyingType(property.PropertyType) is not null) continue;
                throw new InvalidSettingException(child.Path, Quoted(child.Value ?? ""), $"{Expected(property, target, Allowed(property))}; leave it out for the default");
            }
            if (!Converts(child.Value, target))
                throw new InvalidSettingException(child.Path, Quoted(child.Value), Expected(property, target, Allowed(property)));
        }
    }

    /// <summary>
    /// What the validation attributes of <paramref name="settings"/> refuse, each named by its full key; properties
    /// that are classes of their own are checked the same way, one level down, as <see cref="CheckKeysAndTypes"/> does.
    /// </summary>
    public static IEnumerable<InvalidSettingException> Problems(object settings, string section)
    {
        foreach (var property in Properties(settings.GetType()))
        {
            var value = property.GetValue(settings);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
                if (!rule.IsValid(value))
                    yield return new InvalidSettingException($"{section}:{property.Name}", Shown(value), rule.ErrorMessage ?? rule.FormatErrorMessage(property.Name));
            if (value is not null && property.PropertyType != typeof(string) && property.PropertyType.IsClass)
                foreach (var problem in Problems(value, $"{section}:{property.Name}"))
                    yield return problem;
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static bool Converts(string text, Type target)
    {
        try
        {
            if (target.IsEnum) return Enum.TryParse(target, text, ignoreCase: true, out _) && !int.TryParse(text, out _);
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException
                                      || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The range or rule from the property's attributes, when there is one: it says more than the type.</summary>
    private static string? Allowed(PropertyInfo property) =>
        property.GetCustomAttributes<ValidationAttribute>().Select(a => a.ErrorMessage).FirstOrDefault(m => m is not null);

    /// <summary>The type expected, and the range when the property has one: "must be a whole number between 1 and 50".</summary>
    private static string Expected(PropertyInfo property, Type target, string? allowed) =>
        allowed is null ? Expected(property, target)
        : allowed.StartsWith("must be ", StringComparison.Ordinal) ? $"{Expected(property, target)} {allowed["must be ".Length..]}"
        : $"{Expected(property, target)}, {allowed}";

    private static string Expected(PropertyInfo property, Type target) => target switch
    {
        _ when target == typeof(bool) => "must be true or false",
        _ when target == typeof(int) || target == typeof(long) => "must be a whole number",
        _ when target == typeof(double) || target == typeof(decimal) => "must be a number (with a decimal point, e.g. 0.5)",
        _ when target == typeof(TimeOnly) => "must be a time of day such as 16:00",
        _ when target.IsEnum => $"must be one of {string.Join(", ", Enum.GetNames(target))}",
        _ => $"must be a {target.Name} ({property.Name})",
    };

    private static string Quoted(string text) => $"'{text}'";

    private static string Shown(object? value) => value switch
    {
        null => "(not set)",
        string text => Quoted(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The same rules for options configured later in code (a test, a host extension), run by <c>ValidateOnStart</c>.</summary>
public sealed class SettingValidation<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = SettingSection.Problems(options, section).Select(p => p.Message).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
