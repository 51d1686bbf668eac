using System.Text.Json.Nodes;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// The Cognito user pool UpNest trusts in Auth:Mode=Oidc, and one public app client for the mobile
/// and web apps: authorization code flow only (the apps send a PKCE code challenge), no client
/// secret (an app cannot keep one), no implicit flow, no password grant.
/// </summary>
internal static class IdentityTemplate
{
    public static JsonObject Build() => new()
    {
        ["AWSTemplateFormatVersion"] = "2010-09-09",
        ["Description"] = "UpNest identity: Cognito user pool (strong passwords, TOTP MFA) and the public PKCE app client.",
        ["Parameters"] = new JsonObject
        {
            ["Environment"] = EnvironmentParameter(),
            ["CallbackUrls"] = Parameter("CommaDelimitedList", "Redirect URIs of the apps (e.g. upnest://auth/callback,https://app.example.com/callback).", "upnest://auth/callback"),
            ["LogoutUrls"] = Parameter("CommaDelimitedList", "Sign-out redirect URIs of the apps.", "upnest://auth/signout"),
            ["DomainPrefix"] = new JsonObject
            {
                ["Type"] = "String", ["AllowedPattern"] = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",
                ["Description"] = "Prefix of the hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com); unique per region.",
                ["Default"] = "upnest-dev",
            },
        },
        ["Resources"] = new JsonObject
        {
            ["UserPool"] = new JsonObject
            {
                ["Type"] = "AWS::Cognito::UserPool",
                ["DeletionPolicy"] = "Retain",
                ["UpdateReplacePolicy"] = "Retain",
                ["Properties"] = new JsonObject
                {
                    ["UserPoolName"] = Sub("upnest-${Environment}"),
                    ["UsernameAttributes"] = Strings("email"),
                    ["AutoVerifiedAttributes"] = Strings("email"),
                    ["DeletionProtection"] = "ACTIVE",
                    ["MfaConfiguration"] = "OPTIONAL",
                    ["EnabledMfas"] = Strings("SOFTWARE_TOKEN_MFA"),
                    ["Policies"] = new JsonObject
                    {
                        ["PasswordPolicy"] = new JsonObject
                        {
                            // Same floor as the built-in mode (PasswordRules): length over character classes.
                            ["MinimumLength"] = 12,
                            ["RequireLowercase"] = false,
                            ["RequireUppercase"] = false,
                            ["RequireNumbers"] = false,
                            ["RequireSymbols"] = false,
                            ["TemporaryPasswordValidityDays"] = 3,
                        },
                    },
                    ["AccountRecoverySetting"] = new JsonObject
                    {
                        ["RecoveryMechanisms"] = Array(new JsonObject { ["Name"] = "verified_email", ["Priority"] = 1 }),
                    },
                    ["AdminCreateUserConfig"] = new JsonObject { ["AllowAdminCreateUserOnly"] = false },
                    ["UserPoolTags"] = new JsonObject { ["Application"] = "UpNest", ["Environment"] = Ref("Environment") },
                },
            },
            ["UserPoolDomain"] = Resource("AWS::Cognito::UserPoolDomain", new JsonObject
            {
                ["Domain"] = Ref("DomainPrefix"), ["UserPoolId"] = Ref("UserPool"),
            }),
            ["AppClient"] = Resource("AWS::Cognito::UserPoolClient", new JsonObject
            {
                ["UserPoolId"] = Ref("UserPool"),
                ["ClientName"] = Sub("upnest-${Environment}-apps"),
                ["GenerateSecret"] = false,
                ["AllowedOAuthFlowsUserPoolClient"] = true,
                ["AllowedOAuthFlows"] = Strings("code"),
                ["AllowedOAuthScopes"] = Strings("openid", "email", "profile"),
                ["CallbackURLs"] = Ref("CallbackUrls"),
                ["LogoutURLs"] = Ref("LogoutUrls"),
                ["SupportedIdentityProviders"] = Strings("COGNITO"),
                ["ExplicitAuthFlows"] = Strings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                ["PreventUserExistenceErrors"] = "ENABLED",
                ["EnableTokenRevocation"] = true,
                ["AccessTokenValidity"] = 15,
                ["IdTokenValidity"] = 15,
                ["RefreshTokenValidity"] = 30,
                ["TokenValidityUnits"] = new JsonObject { ["AccessToken"] = "minutes", ["IdToken"] = "minutes", ["RefreshToken"] = "days" },
            }),
        },
        ["Outputs"] = new JsonObject
        {
            // Auth:Authority: the issuer of the pool's tokens (iss), where /.well-known/openid-configuration lives.
            ["Issuer"] = NetworkTemplate.Output(Sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"), "Issuer"),
            ["ClientId"] = NetworkTemplate.Output(Ref("AppClient"), "ClientId"),
            ["HostedUiDomain"] = new JsonObject { ["Value"] = Sub("https://${DomainPrefix}.auth.${AWS::Region}.amazoncognito.com") },
        },
    };
}
