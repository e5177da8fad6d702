// The one line at the top of each page that tells the user what happened.
import {ApiError} from './api.js';

export function setStatus(text) {
  document.getElementById('status').textContent = text || '';
}

/** Shows what went wrong in words a user can act on; the API's own detail goes along. */
export function showError(error) {
  if (error instanceof ApiError) {
    const reason = {403: '您的角色无权进行此操作', 404: '未找到', 413: '文件过大', 503: '服务暂时不可用，请稍后再试'}[error.status]
      || '请求未成功';
    setStatus(`${reason}（HTTP ${error.status}）${error.problem?.detail ? '：' + error.problem.detail : ''}`);
  } else {
    setStatus(`请求未成功：${error.message}`);
  }
}
