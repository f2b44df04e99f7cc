#pragma once

#include <QApplication>
#include <QDeadlineTimer>
#include <QTest>
#include <QTimer>

#include <functional>

namespace relais::test {

// What the person does in the next modal dialog of type T (its exec() holds the test until it closes). Polls without
// blocking, so that the dialog can open from any event loop; `done` says it was answered.
template <typename T> void whenModal(std::function<void(T *)> act, bool *done)
{
    *done = false;
    auto *poll = new QTimer(qApp);
    auto *deadline = new QDeadlineTimer(5000);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, deadline, act, done] {
        T *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog && !deadline->hasExpired())
            return;
        poll->stop();
        poll->deleteLater();
        delete deadline;
        if (dialog) {
            QApplication::setActiveWindow(dialog); // the offscreen platform does not activate it by itself
            (void)QTest::qWaitForWindowActive(dialog);
            act(dialog);
            *done = true;
        }
    });
    poll->start();
}

} // namespace relais::test
