using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace UpNest.Api.Hosting;

/// <summary>
/// Serves the parent web app (built from web/ into wwwroot/app) at /app/, same origin as the API.
/// A path under /app/ that is not a file is one of the app's own pages, so it gets index.html and
/// the app's router takes over; a missing asset stays a 404.
/// </summary>
public static class WebAppHosting
{
    public const string BasePath = "/app";

    /// <summary>The app loads its scripts, styles and images from this origin only and talks only to it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static bool Serves(PathString path) => path.StartsWithSegments(BasePath, StringComparison.Ordinal);

    /// <summary>
    /// A branch of the pipeline ahead of routing and authentication, so the app's files are no
    /// route of the API: not in its OpenAPI document or route table, not rate limited or audited.
    /// </summary>
    public static WebApplication UseUpNestWebApp(this WebApplication app)
    {
        var files = OpenRoot(app.Environment);
        app.MapWhen(
            context => (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && (context.Request.Path == "/" || Serves(context.Request.Path)),
            branch => branch.Run(context => Answer(files, context).ExecuteAsync(context)));
        return app;
    }

    private static IResult Answer(IFileProvider files, HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (path == "/")
        {
            return TypedResults.Redirect(BasePath + "/");
        }
        return Serve(files, path.Length > BasePath.Length ? path[(BasePath.Length + 1)..] : "", context);
    }

    private static IResult Serve(IFileProvider files, string path, HttpContext context)
    {
        // /app without the slash: the page's relative URLs need it.
        if (path.Length == 0 && !context.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect(BasePath + "/");
        }
        var file = path.Length == 0 ? null : files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            // Vite names every built asset by its content hash, so a name never changes meaning.
            context.Response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return TypedResults.PhysicalFile(file.PhysicalPath, ContentType(path));
        }
        if (IsAssetPath(path))
        {
            return TypedResults.NotFound();
        }
        var index = files.GetFileInfo("index.html");
        if (index is not { Exists: true, PhysicalPath: not null })
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(index.PhysicalPath, "text/html; charset=utf-8");
    }

    /// <summary>Built files live in assets/ or at the top; deeper paths are pages (an invitation code may hold a dot).</summary>
    private static bool IsAssetPath(string path) =>
        path.StartsWith("assets/", StringComparison.Ordinal) || (!path.Contains('/', StringComparison.Ordinal) && Path.HasExtension(path));

    private static string ContentType(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    /// <summary>wwwroot/app beside the project when run from source, or beside the binary when published.</summary>
    private static IFileProvider OpenRoot(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "wwwroot", "app"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "app"),
        ];
        var found = candidates.FirstOrDefault(Directory.Exists);
        return found is null ? new NullFileProvider() : new PhysicalFileProvider(found);
    }
}
