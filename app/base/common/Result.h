#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace relais {

// Machine-readable reason of a failure; the message beside it is translated and shown to people.
enum class ErrorCode
{
    None,
    WrongPassword,
    WrongRecoveryCode,
    Throttled,
    AccountDisabled,
    NotAStore,
    StoreMissing,
    StoreExists,
    StoreTooNew,
    StoreCorrupt,
    KeySlotsDamaged,
    KeySlotsMissing,
    KeychainUnavailable,
    NoSuchAccount,
    AccountExists,
    WeakPassword,
    PermissionDenied,
    Io,
    DiskFull,
    InvalidInput,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // translated, never contains personal data or secrets
};

// A value, or the reason why there is none. Used wherever a person must read why something failed.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value: `for (auto &x : f().value())` must not iterate over a destroyed temporary.
    T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }
    ErrorCode code() const { return ok() ? ErrorCode::None : m_error.code; }
    QString message() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    ErrorCode code() const { return ok() ? ErrorCode::None : m_error.code; }
    QString message() const { return m_error.message; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace relais
