using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Problems;

/// <summary>
/// What every request passes before it reaches an endpoint or a page: a body no larger than
/// <c>Samordna:Api:MaxRequestBodyBytes</c> (default 1 MB), enforced here and not only by Kestrel, so the
/// in-memory test host and any other server refuse the same 10 MB body with the same 413 problem; and
/// form values for enums read by name only, as the JSON is.
/// </summary>
public static class RequestGuards
{
    public static WebApplicationBuilder AddRequestGuards(this WebApplicationBuilder builder, ApiSettings settings)
    {
        var limit = settings.MaxRequestBodyBytes;
        builder.Services.AddSingleton(new RequestBodyLimit(limit));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        builder.Services.Configure<MvcOptions>(mvc => mvc.ModelBinderProviders.Insert(0, new EnumByNameBinderProvider()));
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var limit = http.RequestServices.GetRequiredService<RequestBodyLimit>().Bytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (http.Request.ContentLength is { } length)
            {
                if (length > limit)
                {
                    await TooLarge(http, limit);
                    return;
                }
            }
            else if (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) ||
                     HttpMethods.IsPatch(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method))
            {
                // A body without a length (chunked): read at most one byte past the limit, then let the
                // endpoint read the copy. Binders swallow a read error as an empty body, so the check
                // cannot be left to the stream.
                var copy = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
                {
                    copy.Write(buffer, 0, read);
                    if (copy.Length > limit)
                    {
                        await TooLarge(http, limit);
                        return;
                    }
                }
                copy.Position = 0;
                http.Request.Body = copy;
                http.Request.ContentLength = copy.Length;
            }
            await next(http);
        });

    private static Task TooLarge(HttpContext http, long limit) =>
        ProblemResponses.Write(http, new Problem(StatusCodes.Status413PayloadTooLarge, "Begäran är för stor",
            $"En begäran får vara högst {limit} byte."));
}

public sealed record RequestBodyLimit(long Bytes);

/// <summary>The API's settings (<c>Samordna:Api</c>).</summary>
public sealed class ApiSettings
{
    public const string Section = "Samordna:Api";

    /// <summary>The largest request body accepted; a larger one answers 413.</summary>
    [Range(typeof(long), "1024", "9223372036854775807", ErrorMessage = "must be at least 1024 (bytes)")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// A form value for an enum is one of its names (any casing), never a number: MVC's own converter would
/// turn "12345" into an enum value nobody defined. Flags enums take names joined by commas.
/// </summary>
internal sealed class EnumByNameBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum ? new EnumByNameBinder(type) : null;
    }

    private sealed class EnumByNameBinder(Type type) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, result);
            var text = result.FirstValue;
            if (string.IsNullOrWhiteSpace(text)) return Task.CompletedTask;
            if (EnumNames.TryRead(type, text, out var value))
                context.Result = ModelBindingResult.Success(value);
            else
                context.ModelState.TryAddModelError(context.ModelName, $"Okänt värde. Tillåtna: {string.Join(", ", EnumNames.Of(type))}.");
            return Task.CompletedTask;
        }
    }
}

/// <summary>Enum values by name only, the way the API writes them (camelCase), read in any casing.</summary>
public static class EnumNames
{
    /// <summary>The names as the JSON options write them (the serializer's camelCase policy), for hints and the OpenAPI document alike.</summary>
    public static IEnumerable<string> Of(Type type) =>
        Enum.GetNames(type).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);

    public static bool TryRead(Type type, string text, out object? value)
    {
        value = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && !type.IsDefined(typeof(FlagsAttribute), false)) return false;
        ulong bits = 0;
        foreach (var part in parts)
        {
            var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase));
            if (name is null) return false;
            bits |= Convert.ToUInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture);
        }
        value = Enum.ToObject(type, bits);
        return true;
    }
}
