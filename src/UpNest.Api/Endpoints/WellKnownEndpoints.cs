using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using UpNest.Api.Auth;
using UpNest.Api.OpenApi;

namespace UpNest.Api.Endpoints;

public static class WellKnownEndpoints
{
    public sealed record JsonWebKeyResponse(string Kty, string Use, string Alg, string Kid, string N, string E);

    public sealed record JwksResponse(IReadOnlyList<JsonWebKeyResponse> Keys);

    public static IEndpointRouteBuilder MapWellKnownEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", Ok<JwksResponse> (SigningKeyRing ring) =>
        {
            var keys = ring.ValidationKeys.Select(key =>
            {
                var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
                return new JsonWebKeyResponse("RSA", "sig", SecurityAlgorithms.RsaSha256, key.KeyId,
                    Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
            }).ToList();
            return TypedResults.Ok(new JwksResponse(keys));
        }).WithTags("Auth").AllowAnonymous().WithName("getJwks").WithSummary("The built-in issuer's token-signing keys").UsesNoStore();
        return app;
    }
}
