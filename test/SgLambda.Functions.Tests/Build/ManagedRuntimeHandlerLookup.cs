using System.Reflection;
using System.Runtime.Loader;

namespace SgLambda.Functions.Tests.Build;

/// <summary>
/// The managed .NET runtime's handler lookup (Amazon.Lambda.RuntimeSupport, Bootstrap/UserCodeLoader.cs and
/// UserCodeValidator.cs), run on a built artifact: the assembly by name from the artifact folder,
/// <c>assembly.GetType(type)</c>, then <c>GetMethod(method, DeclaredOnly|NonPublic|Public|Instance|Static)</c>, which
/// throws on overloads (the runtime answers <c>MethodHasOverloads</c> and init fails); then the method's shape.
/// </summary>
internal static class ManagedRuntimeHandlerLookup
{
    private const BindingFlags Flags = BindingFlags.DeclaredOnly | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
    private const string LambdaContextType = "Amazon.Lambda.Core.ILambdaContext";

    /// <summary>The problems the runtime would report for <paramref name="handler"/>; empty when it loads.</summary>
    public static IReadOnlyList<string> Problems(string artifacts, string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3) return [$"{handler}: not Assembly::Type::Method (InvalidHandlerString)"];
        var (assemblyName, typeName, methodName) = (parts[0], parts[1], parts[2]);
        var path = Path.Combine(artifacts, assemblyName + ".dll");
        if (!File.Exists(path)) return [$"{path} missing (CouldNotFindHandlerAssembly)"];

        var context = new AssemblyLoadContext("lambda-artifact", isCollectible: true);
        context.Resolving += (loader, name) => File.Exists(Path.Combine(artifacts, name.Name + ".dll")) ? loader.LoadFromAssemblyPath(Path.Combine(artifacts, name.Name + ".dll")) : null;
        try
        {
            var type = context.LoadFromAssemblyPath(path).GetType(typeName);
            if (type is null) return [$"type {typeName} not found (UnableToLoadType)"];
            MethodInfo? method;
            try
            {
                method = type.GetTypeInfo().GetMethod(methodName, Flags)
                    ?? type.GetMethods(Flags).SingleOrDefault(m => m.ToString() == methodName);
            }
            catch (AmbiguousMatchException)
            {
                return [$"{type.FullName} has several methods named {methodName} (MethodHasOverloads): {string.Join("; ", type.GetMethods(Flags).Where(m => m.Name == methodName))}"];
            }
            return method is null ? [$"no method {methodName} in {type.FullName} (NoMatchingMethod)"] : Shape(type, method).ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    // UserCodeValidator: at most two parameters, the second the Lambda context; an instance method needs a
    // concrete type with a public parameterless constructor. Stream in and out need no serializer.
    private static IEnumerable<string> Shape(Type type, MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (method.IsGenericMethod) yield return $"{method} is generic";
        if (parameters.Length > 2) yield return $"{method} has more than two parameters";
        if (parameters.Length == 2 && parameters[1].ParameterType.FullName != LambdaContextType)
            yield return $"{method}: the second parameter must be {LambdaContextType}, not {parameters[1].ParameterType.FullName}";
        if (parameters.Length >= 1 && parameters[0].ParameterType != typeof(Stream))
            yield return $"{method}: the input is not a Stream, so it needs a LambdaSerializer";
        if (method.ReturnType != typeof(Task<Stream>) && method.ReturnType != typeof(Stream))
            yield return $"{method}: the output is not a Stream, so it needs a LambdaSerializer";
        if (!method.IsStatic && (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null))
            yield return $"{type.FullName} has no public parameterless constructor for the instance method {method.Name}";
    }
}
