// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Hosting;

namespace SampleApi.StressTests;

/// <summary>
/// Starts the shop API inside the test process on real Kestrel at 127.0.0.1 with a free port: the app's own
/// <c>Program</c>, as <c>dotnet run</c> would start it, through <see cref="StressSetupContextExtensions.StartApiAsync{TEntryPoint}"/>.
/// The run gets its address as the base address of <c>StressContext.Http</c> and stops it after <c>[StressTeardown]</c>.
/// </summary>
/// <remarks>
/// The database is the API's own (<c>ConnectionStrings:Shop</c>, by default <c>samples/SampleApi/App_Data/shop.db</c>);
/// point the tests at another one with the <c>ConnectionStrings__Shop</c> environment variable. The tests only add
/// rows tagged with their run id, and their teardown removes exactly those (<see cref="ShopData"/>).
/// </remarks>
internal static class ShopApi
{
    public static Task<ApiHost<Program>> StartAsync(StressSetupContext setup, CancellationToken ct) =>
        setup.StartApiAsync<Program>(cancellationToken: ct);
}
