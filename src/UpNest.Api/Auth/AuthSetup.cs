using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using UpNest.Api.Hosting;

namespace UpNest.Api.Auth;

public static class AuthSetup
{
    /// <summary>Bearer tokens from the built-in issuer, or from an external OIDC issuer such as Cognito.</summary>
    public static IServiceCollection AddUpNestAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<UpNest.Core.Accounts.IPasswordHasher, AspNetPasswordHasher>();
        services.AddAuthorization();
        services.AddSingleton<VerifiedTokenCache>();

        var builder = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        builder.AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
            };
            options.Events = new JwtBearerEvents();
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, TimeProvider, VerifiedTokenCache>((options, ring, clock, verified) =>
            {
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(verified);
                // Lifetimes are judged on the injected clock, like everything else time-dependent.
                options.TimeProvider = clock;
                var skew = options.TokenValidationParameters.ClockSkew;
                options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return expires is { } exp && exp.ToUniversalTime() + skew > now
                        && (notBefore is not { } nbf || nbf.ToUniversalTime() - skew <= now);
                };
                if (auth.IsOidc)
                {
                    ConfigureOidc(options, auth);
                    return;
                }
                options.TokenValidationParameters.ValidIssuer = SigningKeyRing.Issuer;
                options.TokenValidationParameters.ValidAudience = SigningKeyRing.Audience;
                options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, kid, _) =>
                    ring.ValidationKeys.Where(k => kid is null || k.KeyId == kid);
            });
        return services;
    }

    private static void ConfigureOidc(JwtBearerOptions options, AuthOptions auth)
    {
        options.Authority = auth.Authority;
        options.RequireHttpsMetadata = auth.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? true;
        options.TokenValidationParameters.ValidIssuer = auth.Authority?.TrimEnd('/');
        options.TokenValidationParameters.ValidateAudience = !string.IsNullOrEmpty(auth.Audience);
        options.TokenValidationParameters.ValidAudience = auth.Audience;
        var previous = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await previous(context);
            var principal = context.Principal!;
            // Cognito access tokens carry token_use=access and client_id (not aud).
            var tokenUse = principal.FindFirst("token_use")?.Value;
            if (tokenUse is not null && tokenUse != "access")
            {
                context.Fail("Only access tokens are accepted.");
                return;
            }
            if (!string.IsNullOrEmpty(auth.ClientId))
            {
                var clientId = principal.FindFirst("client_id")?.Value;
                var audiences = principal.FindAll("aud").Select(c => c.Value);
                if (clientId != auth.ClientId && !audiences.Contains(auth.ClientId))
                {
                    context.Fail("The token was issued to another client.");
                }
            }
        };
    }
}
