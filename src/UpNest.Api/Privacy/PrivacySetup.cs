using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using UpNest.Core.Babies;
using UpNest.Core.Measurements;
using UpNest.Core.Security;

namespace UpNest.Api.Privacy;

public static class PrivacySetup
{
    /// <summary>Data Protection with its keys in the store, and the note-encrypting store decorators.</summary>
    public static IServiceCollection AddNoteEncryption(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("UpNest");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new KeyStoreXmlRepository(sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<NoteProtector>();
        services.Decorate<IBabyStore>((inner, sp) => new ProtectedBabyStore(inner, sp.GetRequiredService<NoteProtector>()));
        services.Decorate<IMeasurementStore>((inner, sp) => new ProtectedMeasurementStore(inner, sp.GetRequiredService<NoteProtector>()));
        return services;
    }

    /// <summary>Wraps the registered singleton of <typeparamref name="TService"/> in a decorator.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var inner = registered.ImplementationInstance as TService
                ?? (registered.ImplementationFactory is { } factory ? (TService)factory(sp)
                    : (TService)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            return decorate(inner, sp);
        });
        return services;
    }
}
