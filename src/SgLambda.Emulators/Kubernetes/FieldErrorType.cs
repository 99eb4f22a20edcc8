namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// The kinds of field error the Kubernetes API server reports (k8s.io/apimachinery/pkg/util/validation/field),
/// plus the strict-field-validation complaint about a field the schema does not declare.
/// </summary>
public enum FieldErrorType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    /// <summary>A value of the wrong JSON type; Kubernetes prints it as "Invalid value".</summary>
    TypeInvalid,
    /// <summary>An unknown field, rejected under <c>fieldValidation=Strict</c> (what kubectl apply uses).</summary>
    FieldNotDeclared,
}
