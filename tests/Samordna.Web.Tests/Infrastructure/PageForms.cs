using System.Net;
using System.Text.RegularExpressions;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>Pages as a browser uses them: read a page, post one of its forms with the antiforgery token it rendered.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>The page's HTML; anything but 200 fails the test with the start of the body.</summary>
    public static async Task<string> Page(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 500 ? html[..500] : html);
        return html;
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string path, string action, Dictionary<string, string> fields)
    {
        var token = AntiforgeryField().Match(await client.Page(path)).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
