using System.Text.Json.Nodes;

namespace UpNest.Cli.Infra;

/// <summary>The settings of one deployment, from `upnest deploy` options.</summary>
internal sealed record DeploySettings(
    string Environment, string? ImageUri, string? CertificateArn, string? AlarmEmail, string? DomainPrefix, string? CallbackUrls, string? LogoutUrls)
{
    public static readonly string[] Environments = ["staging", "production"];

    public string TablePrefix => $"upnest-{Environment}-";
}

/// <summary>One stack to create or update: its template and the parameter values for this environment.</summary>
internal sealed record StackDeployment(StackTemplate Stack, string StackName, string Template, IReadOnlyDictionary<string, string> Parameters)
{
    public JsonObject Parsed() => StackSet.Parse(Template);
}

/// <summary>Every stack of an environment in dependency order, with the values each one's parameters get.</summary>
internal static class DeployPlan
{
    public const string Placeholder = "<set at deploy time>";

    public static IReadOnlyList<StackDeployment> For(DeploySettings settings)
    {
        string Name(string component) => StackSet.All.Single(s => s.Component == component).StackName(settings.Environment);
        var plan = new List<StackDeployment>();
        foreach (var stack in StackSet.All)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["Environment"] = settings.Environment };
            switch (stack.Component)
            {
                case "tables":
                    values["TablePrefix"] = settings.TablePrefix;
                    break;
                case "identity":
                    values["DomainPrefix"] = settings.DomainPrefix ?? $"upnest-{settings.Environment}";
                    AddIfSet(values, "CallbackUrls", settings.CallbackUrls);
                    AddIfSet(values, "LogoutUrls", settings.LogoutUrls);
                    break;
                case "service":
                    values["NetworkStack"] = Name("network");
                    values["TablesStack"] = Name("tables");
                    values["IdentityStack"] = Name("identity");
                    values["TablePrefix"] = settings.TablePrefix;
                    values["ImageUri"] = settings.ImageUri ?? Placeholder;
                    values["CertificateArn"] = settings.CertificateArn ?? Placeholder;
                    AddIfSet(values, "AlarmEmail", settings.AlarmEmail);
                    break;
            }
            plan.Add(new StackDeployment(stack, stack.StackName(settings.Environment), stack.Render(), values));
        }
        return plan;
    }

    private static void AddIfSet(Dictionary<string, string> values, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[name] = value;
        }
    }
}
