#pragma once
// RAII ownership of HDF5 identifiers (hid_t) and the error policy of the writer: every
// HDF5 call that can fail goes through check(), which turns a negative status into an
// Hdf5Error carrying what we were doing and HDF5's own innermost message. HDF5's
// automatic printing of its error stack to stderr is switched off while we write, so the
// caller sees one clear exception instead of a page of library traces.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace eiisim::h5 {

class Hdf5Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The innermost (most specific) message on HDF5's current error stack, or "" if empty.
[[nodiscard]] std::string error_stack_message();

// Throws Hdf5Error("<what>: <HDF5 message>") when an HDF5 call reported failure.
inline herr_t check(herr_t status, const std::string& what) {
    if (status < 0) {
        throw Hdf5Error(what + ": " + error_stack_message());
    }
    return status;
}

using CloseFn = herr_t (*)(hid_t);

// Owns one identifier and closes it with the matching H5?close. Move-only. Closing in the
// destructor ignores failure (destructors must not throw); where a close can lose data
// (the file), call close() explicitly to see the error.
class Handle {
public:
    Handle() = default;
    Handle(hid_t id, CloseFn close_fn, const std::string& what) : id_(id), close_(close_fn) {
        if (id_ < 0) {
            throw Hdf5Error(what + ": " + error_stack_message());
        }
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept
        : id_(std::exchange(other.id_, H5I_INVALID_HID)), close_(other.close_) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
            close_ = other.close_;
        }
        return *this;
    }
    ~Handle() { reset(); }

    [[nodiscard]] hid_t get() const { return id_; }

    // Closes now and reports failure (used for the file, whose close flushes to disk).
    void close(const std::string& what) {
        const hid_t id = std::exchange(id_, H5I_INVALID_HID);
        if (id >= 0) {
            check(close_(id), what);
        }
    }

private:
    void reset() noexcept {
        if (id_ >= 0) {
            close_(id_);
            id_ = H5I_INVALID_HID;
        }
    }
    hid_t id_ = H5I_INVALID_HID;
    CloseFn close_ = nullptr;
};

inline Handle file_handle(hid_t id, const std::string& what) { return {id, H5Fclose, what}; }
inline Handle dataset_handle(hid_t id, const std::string& what) { return {id, H5Dclose, what}; }
inline Handle space_handle(hid_t id, const std::string& what) { return {id, H5Sclose, what}; }
inline Handle type_handle(hid_t id, const std::string& what) { return {id, H5Tclose, what}; }
inline Handle attribute_handle(hid_t id, const std::string& what) { return {id, H5Aclose, what}; }
inline Handle plist_handle(hid_t id, const std::string& what) { return {id, H5Pclose, what}; }

// Switches HDF5's automatic error printing off for the lifetime of the guard and restores
// whatever handler was installed before (HDF5 keeps it per thread in thread-safe builds,
// per process otherwise), so we do not change behaviour for other HDF5 users.
class SilenceErrorPrinting {
public:
    SilenceErrorPrinting() {
        H5Eget_auto2(H5E_DEFAULT, &previous_func_, &previous_data_);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    SilenceErrorPrinting(const SilenceErrorPrinting&) = delete;
    SilenceErrorPrinting& operator=(const SilenceErrorPrinting&) = delete;
    ~SilenceErrorPrinting() { H5Eset_auto2(H5E_DEFAULT, previous_func_, previous_data_); }

private:
    H5E_auto2_t previous_func_ = nullptr;
    void* previous_data_ = nullptr;
};

}  // namespace eiisim::h5
